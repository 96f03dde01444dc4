package org.accountsecurity.operator.web;

/**
 * RFC 4180 rows that are also safe to open in a spreadsheet: every value quoted, and a
 * value that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return)
 * prefixed with {@code '} (OWASP CSV injection).
 */
final class Csv {

	private Csv() {
	}

	static String row(String... cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(cell(cells[i]));
		}
		return line.append("\r\n").toString();
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

}
