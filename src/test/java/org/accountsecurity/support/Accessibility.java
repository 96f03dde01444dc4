package org.accountsecurity.support;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of a parsed page that axe would make in a browser. */
public final class Accessibility {

	private Accessibility() {
	}

	/**
	 * axe's {@code scrollable-region-focusable}: each table that may scroll sideways is
	 * reachable by keyboard and named by a visible heading.
	 */
	public static void assertScrollableTablesFocusable(Document page, String what) {
		assertThat(page.select(".table-wrap")).as(what).isNotEmpty();
		for (Element scroller : page.select(".table-wrap")) {
			assertThat(scroller.attr("tabindex")).as(what).isEqualTo("0");
			assertThat(scroller.attr("role")).as(what).isEqualTo("region");
			Element name = page.getElementById(scroller.attr("aria-labelledby"));
			assertThat(name).as(what).isNotNull();
			assertThat(name.text()).as(what).isNotBlank();
		}
	}

}
