package org.accountsecurity.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.accountsecurity.account.Language;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data processing agreement template as plain text in one language, from
 * {@code templates/privacy/dpa.txt} and the {@code messages/privacy} bundle, with the
 * configured version, sub-processors and hosting location. TEXT mode escapes nothing: the
 * file is served as {@code text/plain}, never as HTML.
 */
@Component
public class DpaDocument {

	private final SpringTemplateEngine engine;

	private final PrivacyProperties properties;

	DpaDocument(MessageSource messages, PrivacyProperties properties) {
		this.properties = properties;
		ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver(DpaDocument.class.getClassLoader());
		text.setPrefix("templates/");
		text.setSuffix(".txt");
		text.setTemplateMode(TemplateMode.TEXT);
		text.setCharacterEncoding(StandardCharsets.UTF_8.name());
		text.setCacheable(true);
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateResolver(text);
		this.engine.setTemplateEngineMessageSource(messages);
	}

	public String render(Locale locale) {
		Context context = new Context(locale, Map.of("version", properties.dpaVersion(), "subProcessors",
				properties.subProcessors(), "hostingLocation", properties.hostingLocation()));
		return engine.process("privacy/dpa", context);
	}

	/** {@code data-processing-agreement-<version>-<language>.txt}. */
	public String filename(Locale locale) {
		return "data-processing-agreement-" + properties.dpaVersion() + "-" + Language.of(locale).code() + ".txt";
	}

}
