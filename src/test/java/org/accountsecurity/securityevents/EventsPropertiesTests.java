package org.accountsecurity.securityevents;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.securityevents.EventsProperties.SetReceiver;
import org.accountsecurity.securityevents.EventsProperties.Webhook;
import org.accountsecurity.system.InvalidSetting;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad receiver setting stops the start with one line naming it. */
class EventsPropertiesTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@Test
	void goodSettingsAreTaken() {
		EventsProperties properties = properties(
				List.of(new Webhook("https://hooks.example.test/in", "PASSWORD_CHANGED, SESSIONS_REVOKED", SECRET,
						null), new Webhook("http://localhost:9000/x", "RESET_REQUESTED", SECRET, 3)),
				List.of(new SetReceiver("https://rp.example.test/events", "https://rp.example.test", null)));
		assertThat(properties.webhooks()).hasSize(2);
		assertThat(ReceiverSettings.types("t", "PASSWORD_CHANGED, SESSIONS_REVOKED"))
			.containsExactlyInAnyOrder(AuditEventType.PASSWORD_CHANGED, AuditEventType.SESSIONS_REVOKED);
	}

	@Test
	void eachBadWebhookSettingIsNamed() {
		assertRefused(new Webhook("ftp://hooks.example.test", "PASSWORD_CHANGED", SECRET, null),
				"app.events.webhooks[0].url");
		assertRefused(new Webhook("http://hooks.example.test/in", "PASSWORD_CHANGED", SECRET, null),
				"app.events.webhooks[0].url");
		assertRefused(new Webhook("https://user:pw@hooks.example.test/in", "PASSWORD_CHANGED", SECRET, null),
				"app.events.webhooks[0].url");
		assertRefused(new Webhook("not a url", "PASSWORD_CHANGED", SECRET, null), "app.events.webhooks[0].url");
		assertRefused(new Webhook("https://hooks.example.test", "PASSWORD_CHANGD", SECRET, null),
				"app.events.webhooks[0].types");
		assertRefused(new Webhook("https://hooks.example.test", " , ", SECRET, null), "app.events.webhooks[0].types");
		assertRefused(new Webhook("https://hooks.example.test", "SECURITY_EVENT_FAILED", SECRET, null),
				"app.events.webhooks[0].types");
		assertRefused(
				new Webhook("https://hooks.example.test", "PASSWORD_CHANGED", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null),
				"app.events.webhooks[0].secret");
		assertRefused(new Webhook("https://hooks.example.test", "PASSWORD_CHANGED", "whsec_not*base64", null),
				"app.events.webhooks[0].secret");
		assertRefused(new Webhook("https://hooks.example.test", "PASSWORD_CHANGED", "whsec_c2hvcnQ=", null),
				"app.events.webhooks[0].secret");
		assertRefused(new Webhook("https://hooks.example.test", "PASSWORD_CHANGED", SECRET, 0),
				"app.events.webhooks[0].max-attempts");
	}

	@Test
	void aSetReceiverNeedsAnAudience() {
		assertThatThrownBy(() -> properties(List.of(), List.of(new SetReceiver("https://rp.example.test", " ", null))))
			.isInstanceOfSatisfying(InvalidSetting.class,
					ex -> assertThat(ex.setting()).isEqualTo("app.events.set-receivers[0].audience"));
	}

	@Test
	void theDelayDoublesUpToItsCap() {
		EventsProperties properties = properties(List.of(), List.of());
		assertThat(properties.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(properties.delayAfter(4)).isEqualTo(Duration.ofSeconds(80));
		assertThat(properties.delayAfter(30)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void theLeaseMustOutlastAnAttempt() {
		assertThatThrownBy(() -> new EventsProperties(List.of(), List.of(), null, Duration.ofSeconds(5),
				Duration.ofSeconds(10), 10, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(1),
				Duration.ofSeconds(20), true))
			.isInstanceOfSatisfying(InvalidSetting.class, ex -> assertThat(ex.setting()).isEqualTo("app.events.lease"));
	}

	@Test
	void aBadSettingSurfacesThroughBindingAsTheSettingNamed() {
		Map<String, Object> settings = Map.of("app.events.webhooks[0].url", "https://hooks.example.test/in",
				"app.events.webhooks[0].types", "PASSWORD_CHANGED", "app.events.webhooks[0].secret", "whsec_c2hvcnQ=");
		assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(settings)).bind("app.events",
				EventsProperties.class))
			.hasRootCauseInstanceOf(InvalidSetting.class)
			.rootCause()
			.hasMessage("app.events.webhooks[0].secret must hold 24 to 64 bytes after whsec_");
	}

	private static void assertRefused(Webhook webhook, String setting) {
		assertThatThrownBy(() -> properties(List.of(webhook), List.of())).as(webhook.toString())
			.isInstanceOfSatisfying(InvalidSetting.class, ex -> {
				assertThat(ex.setting()).isEqualTo(setting);
				assertThat(ex.getMessage()).doesNotContain("\n").doesNotContain(SECRET.substring(6));
			});
	}

	private static EventsProperties properties(List<Webhook> webhooks, List<SetReceiver> receivers) {
		return new EventsProperties(webhooks, receivers, null, Duration.ofSeconds(5), Duration.ofSeconds(10), 10,
				Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMinutes(2), true);
	}

}
