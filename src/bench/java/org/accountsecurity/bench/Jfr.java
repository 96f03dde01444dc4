package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Windows of the service's JFR recording ({@code bench.jfr}), dumped with jcmd for
 * {@link JfrTop}.
 */
final class Jfr {

	private Jfr() {
	}

	/**
	 * Dumps the recording of [begin, end] to {@code jfr-<name>.jfr}, and the window
	 * beside it ({@code .window}), as a dump holds whole chunks and JfrTop cuts the
	 * events to the window.
	 */
	static void dump(Path work, long pid, String name, Instant begin, Instant end) throws IOException {
		Path recording = work.resolve("jfr-" + name + ".jfr").toAbsolutePath();
		jcmd(pid, "JFR.dump", "name=bench", "filename=" + recording, "begin=" + begin, "end=" + end);
		Files.writeString(work.resolve("jfr-" + name + ".window"),
				begin.toEpochMilli() + " " + end.toEpochMilli() + "\n");
		Run.log("  JFR recording of the window: %s", recording);
	}

	private static void jcmd(long pid, String... command) {
		List<String> cmd = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
		cmd.addAll(List.of(command));
		try {
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			p.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			Run.log("jcmd failed: %s", ex);
		}
	}

}
