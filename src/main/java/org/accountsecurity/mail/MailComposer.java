package org.accountsecurity.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a mail in one language from {@code templates/mail/<template>.html} and
 * {@code .txt}; the subject is the message {@code mail.<template>.subject}. HTML goes
 * through the application's template engine, text through a small engine of its own in
 * TEXT mode, which escapes nothing. Every {@link Instant} in the model is shown in the
 * one time format of mails, e.g. {@code 2026-11-22 10:00 UTC}.
 */
@Component
public class MailComposer {

	private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9-]{1,64}");

	private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final ITemplateEngine htmlEngine;

	private final SpringTemplateEngine textEngine;

	private final MessageSource messages;

	/**
	 * @param htmlEngine an engine that resolves {@code mail/<template>} to the HTML
	 * template (Boot's own)
	 * @param messages the messages of the templates and subjects (the bundle
	 * {@code messages/mail})
	 */
	public MailComposer(ITemplateEngine htmlEngine, MessageSource messages) {
		this.htmlEngine = htmlEngine;
		this.messages = messages;
		ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver(MailComposer.class.getClassLoader());
		text.setPrefix("templates/");
		text.setSuffix(".txt");
		text.setTemplateMode(TemplateMode.TEXT);
		text.setCharacterEncoding(StandardCharsets.UTF_8.name());
		text.setCacheable(true);
		this.textEngine = new SpringTemplateEngine();
		this.textEngine.setTemplateResolver(text);
		this.textEngine.setTemplateEngineMessageSource(messages);
	}

	/** Renders {@code template} in {@code locale} with the variables of {@code model}. */
	public ComposedMail compose(String template, Locale locale, Map<String, Object> model) {
		if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
			throw new IllegalArgumentException("A mail template name is lower-case letters, digits and '-'");
		}
		Map<String, Object> variables = new HashMap<>(model);
		variables.replaceAll((name, value) -> (value instanceof Instant time) ? MAIL_TIME.format(time) : value);
		Context context = new Context(locale, variables);
		String subject = messages.getMessage("mail." + template + ".subject", null, locale);
		String html = htmlEngine.process("mail/" + template, context);
		String text = textEngine.process("mail/" + template, context);
		return new ComposedMail(subject, html, text);
	}

}
