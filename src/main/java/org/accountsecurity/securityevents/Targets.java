package org.accountsecurity.securityevents;

import java.util.ArrayList;
import java.util.List;

import org.accountsecurity.securityevents.EventsProperties.SetReceiver;
import org.accountsecurity.securityevents.EventsProperties.Webhook;
import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The receivers of {@code app.events.*} as {@link Target}s, and the key that signs
 * Security Event Tokens (issued by the public base URL).
 */
@Configuration(proxyBeanMethods = false)
class Targets {

	@Bean
	SetSigningKey setSigningKey(EventsProperties properties) {
		return new SetSigningKey(properties.setSigningKey());
	}

	@Bean
	ReceiverList receivers(EventsProperties properties, SetSigningKey key, PublicBaseUrl base) {
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < properties.webhooks().size(); i++) {
			Webhook webhook = properties.webhooks().get(i);
			String setting = EventsProperties.PREFIX + "webhooks[" + i + "]";
			java.net.URI url = ReceiverSettings.url(setting + ".url", webhook.url());
			targets.add(new Target(Target.keyOf("webhook", url), "webhooks[" + i + "]", url,
					ReceiverSettings.types(setting + ".types", webhook.types()),
					attempts(webhook.maxAttempts(), properties), new WebhookEncoder(
							new WebhookSignature(ReceiverSettings.secret(setting + ".secret", webhook.secret())))));
		}
		for (int i = 0; i < properties.setReceivers().size(); i++) {
			SetReceiver receiver = properties.setReceivers().get(i);
			java.net.URI url = ReceiverSettings.url(EventsProperties.PREFIX + "set-receivers[" + i + "].url",
					receiver.url());
			targets.add(new Target(Target.keyOf("set " + receiver.audience(), url), "set-receivers[" + i + "]", url,
					CaepEvents.types(), attempts(receiver.maxAttempts(), properties),
					new SetEncoder(key, base.publicBaseUrl(), receiver.audience())));
		}
		return new ReceiverList(List.copyOf(targets));
	}

	private static int attempts(Integer own, EventsProperties properties) {
		return own == null ? properties.maxAttempts() : own;
	}

	/** The configured receivers, in the order of the settings. */
	record ReceiverList(List<Target> targets) {
	}

}
