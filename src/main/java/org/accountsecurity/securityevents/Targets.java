package org.accountsecurity.securityevents;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.accountsecurity.securityevents.EventsProperties.SetReceiver;
import org.accountsecurity.securityevents.EventsProperties.Webhook;
import org.accountsecurity.system.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The receivers of {@code app.events.*} as {@link Target}s, and the key that signs
 * Security Event Tokens (issued by the public base URL).
 */
@Configuration(proxyBeanMethods = false)
class Targets {

	private static final Logger log = LoggerFactory.getLogger(Targets.class);

	@Bean
	SetSigningKey setSigningKey(EventsProperties properties) {
		if ((properties.setSigningKey() == null || properties.setSigningKey().isBlank())
				&& !properties.setReceivers().isEmpty()) {
			// Production refuses to start so (RequiredSettings): another instance would
			// sign with another key.
			log.warn("Security events: {} is not set; tokens are signed with a key made for this run only",
					SetSigningKey.SETTING);
		}
		boolean configured = properties.setSigningKey() != null && !properties.setSigningKey().isBlank();
		return new SetSigningKey(properties.setSigningKey(), configured || !properties.setReceivers().isEmpty());
	}

	@Bean
	ReceiverList receivers(EventsProperties properties, SetSigningKey key, PublicBaseUrl base) {
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < properties.webhooks().size(); i++) {
			Webhook webhook = properties.webhooks().get(i);
			String setting = EventsProperties.PREFIX + "webhooks[" + i + "]";
			URI url = ReceiverSettings.url(setting + ".url", webhook.url());
			targets.add(new Target(Target.keyOf("webhook", url), "webhooks[" + i + "]", url,
					ReceiverSettings.types(setting + ".types", webhook.types()),
					attempts(webhook.maxAttempts(), properties), new WebhookEncoder(
							new WebhookSignature(ReceiverSettings.secret(setting + ".secret", webhook.secret())))));
		}
		for (int i = 0; i < properties.setReceivers().size(); i++) {
			SetReceiver receiver = properties.setReceivers().get(i);
			URI url = ReceiverSettings.url(EventsProperties.PREFIX + "set-receivers[" + i + "].url", receiver.url());
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
