package org.accountsecurity.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HTTP answer as {@link LoopbackHttpClient} read it: status, header lines in their
 * order (so repeated Set-Cookie lines stay apart) and the de-chunked body.
 */
public record RawHttpResponse(int status, List<String[]> headers, String body) {

	/** Every value of a header, in order; names compared case-insensitively. */
	public List<String> all(String name) {
		return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
	}

	public String first(String name) {
		List<String> values = all(name);
		return values.isEmpty() ? null : values.get(0);
	}

	static RawHttpResponse read(InputStream in) throws IOException {
		byte[] raw = in.readAllBytes();
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		List<String[]> headers = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
		}
		RawHttpResponse head = new RawHttpResponse(status, headers, "");
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(head.first("Transfer-Encoding"))) {
			body = dechunk(body);
		}
		return new RawHttpResponse(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (true) {
			int lineEnd = new String(chunked, at, chunked.length - at, StandardCharsets.ISO_8859_1).indexOf("\r\n");
			String sizeLine = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1);
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				return out.toByteArray();
			}
			at += lineEnd + 2;
			out.write(chunked, at, size);
			at += size + 2;
		}
	}

}
