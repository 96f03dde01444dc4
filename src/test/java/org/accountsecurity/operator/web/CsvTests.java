package org.accountsecurity.operator.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void cellsThatASpreadsheetWouldRunAreDefused() {
		assertThat(Csv.cell("=1+1")).isEqualTo("\"'=1+1\"");
		assertThat(Csv.cell("+cmd")).isEqualTo("\"'+cmd\"");
		assertThat(Csv.cell("-2")).isEqualTo("\"'-2\"");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(Csv.cell("\tx")).isEqualTo("\"'\tx\"");
	}

	@Test
	void quotesCommasAndLineBreaksStayInsideTheirCell() {
		assertThat(Csv.cell("a \"b\", c\r\nd")).isEqualTo("\"a \"\"b\"\", c\r\nd\"");
		assertThat(Csv.cell("trigger=self")).isEqualTo("\"trigger=self\"");
		assertThat(Csv.cell(null)).isEmpty();
		assertThat(Csv.row("a", null, "b")).isEqualTo("\"a\",,\"b\"\r\n");
	}

}
