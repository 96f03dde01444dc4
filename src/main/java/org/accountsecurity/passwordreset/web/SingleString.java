package org.accountsecurity.passwordreset.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import org.accountsecurity.system.MalformedField;

/**
 * A JSON field that must be one string: an array, object, number or boolean is a
 * {@link MalformedField}, never coerced, so that one request can never name two
 * recipients and a number never becomes a token or a password (docs/security.md FP-07,
 * TK-12). Jackson does not call it for null; {@link #require} covers null and absence.
 */
final class SingleString extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			throw new MalformedField(parser.currentName(), "one string");
		}
		return parser.getString();
	}

	static void require(String field, String value) {
		if (value == null) {
			throw new MalformedField(field, "one string");
		}
	}

}
