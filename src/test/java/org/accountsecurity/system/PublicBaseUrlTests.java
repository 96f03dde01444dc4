package org.accountsecurity.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one base of links in mails: bound, validated, and joined with encoded parameters.
 */
class PublicBaseUrlTests {

	@Test
	void isBoundFromTheSettingWithoutItsTrailingSlash() {
		new ApplicationContextRunner().withUserConfiguration(Binding.class)
			.withPropertyValues("app.public-base-url=https://accounts.example.com/")
			.run(context -> assertThat(context.getBean(PublicBaseUrl.class).publicBaseUrl())
				.isEqualTo("https://accounts.example.com"));
	}

	@Test
	void aMissingSettingStopsTheStartNamingIt() {
		new ApplicationContextRunner().withUserConfiguration(Binding.class)
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidSetting.class)
				.hasMessageStartingWith("app.public-base-url is not set"));
	}

	@Test
	void onlyAnAbsoluteHttpUrlWithoutQueryIsABase() {
		for (String wrong : new String[] { "accounts.example.com", "/path", "ftp://accounts.example.com",
				"https://accounts.example.com/?a=b", "https://accounts.example.com/#top", "mailto:a@example.com" }) {
			assertThatThrownBy(() -> new PublicBaseUrl(wrong)).as(wrong)
				.isInstanceOf(InvalidSetting.class)
				.hasMessage("app.public-base-url must be an absolute http(s) URL without query or fragment");
		}
		assertThatThrownBy(() -> new PublicBaseUrl("https://exa mple.com"))
			.hasMessage("app.public-base-url is not a URL");
		assertThat(new PublicBaseUrl("http://localhost:8080").isHttps()).isFalse();
		assertThat(new PublicBaseUrl("https://accounts.example.com/base").isHttps()).isTrue();
	}

	@Test
	void linksJoinThePathAndEncodeEveryParameter() {
		PublicBaseUrl base = new PublicBaseUrl("https://accounts.example.com/base/");

		assertThat(base.link("/login")).isEqualTo("https://accounts.example.com/base/login");
		assertThat(base.link("/password/reset", "token", "a.b-c_d", "lang", "de"))
			.isEqualTo("https://accounts.example.com/base/password/reset?token=a.b-c_d&lang=de");
		assertThat(base.link("/x", "token", "a+b/c&d=e ü#", "next&", "1"))
			.isEqualTo("https://accounts.example.com/base/x?token=a%2Bb%2Fc%26d%3De+%C3%BC%23&next%26=1");
	}

	@Test
	void aLinkNeedsAnAbsolutePathAndAValuePerName() {
		PublicBaseUrl base = new PublicBaseUrl("https://accounts.example.com");

		assertThatIllegalArgumentException().isThrownBy(() -> base.link("login"));
		assertThatIllegalArgumentException().isThrownBy(() -> base.link("/login", "lang"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PublicBaseUrl.class)
	static class Binding {

	}

}
