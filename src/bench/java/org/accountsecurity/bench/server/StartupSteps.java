package org.accountsecurity.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * With {@code -Dbench.startup-steps=<file>}: the start-up steps Spring recorded (bean instantiations, configuration
 * class parsing, ...), the 60 longest by their own time (without their nested steps), with their total time; a
 * profile of the start that names beans, which a sampling profiler cannot.
 */
final class StartupSteps {

	private StartupSteps() {
	}

	static void write(BufferingApplicationStartup startup, Path file) {
		List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		Map<Long, Duration> nested = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				nested.merge(parent, event.getDuration(), Duration::plus);
			}
		}
		List<Row> rows = new ArrayList<>();
		for (StartupTimeline.TimelineEvent event : events) {
			Duration self = event.getDuration().minus(nested.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
			StringBuilder tags = new StringBuilder();
			for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
				tags.append(' ').append(tag.getKey()).append('=').append(tag.getValue());
			}
			rows.add(new Row(self, String.format(Locale.ROOT, "%6d ms self %6d ms total  %s%s", self.toMillis(),
					event.getDuration().toMillis(), event.getStartupStep().getName(), tags)));
		}
		rows.sort(Comparator.comparing(Row::self).reversed());
		StringBuilder out = new StringBuilder();
		rows.stream().limit(60).forEach(row -> out.append(row.line()).append('\n'));
		try {
			Files.writeString(file, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Row(Duration self, String line) {
	}

}
