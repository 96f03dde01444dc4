package org.accountsecurity.web;

import tools.jackson.core.StreamReadFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A JSON field given twice is a 400, not "the last one wins": one request names one
 * recipient.
 */
@Configuration(proxyBeanMethods = false)
class JsonStrictness {

	@Bean
	JsonMapperBuilderCustomizer strictDuplicates() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

}
