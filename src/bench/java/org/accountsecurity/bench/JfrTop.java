package org.accountsecurity.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A hot-method histogram of a JFR recording ({@code jdk.ExecutionSample}): the top frames (self time), the
 * methods on the stack (total time) and the application's own methods (total time).
 * Usage: {@code JfrTop <file.jfr> [n]}.
 */
public final class JfrTop {

	private JfrTop() {
	}

	public static void main(String[] args) throws Exception {
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 25;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> total = new HashMap<>();
		Map<String, Integer> app = new HashMap<>();
		Map<String, Integer> threads = new HashMap<>();
		String focus = args.length > 2 ? args[2] : null;
		Map<String, Integer> focusStacks = new HashMap<>();
		String parent = System.getProperty("jfr.children");
		Map<String, Integer> children = new HashMap<>();
		int samples = 0;
		try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
			while (file.hasMoreEvents()) {
				RecordedEvent e = file.readEvent();
				if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
					continue;
				}
				long at = e.getStartTime().toEpochMilli();
				if (at < Long.getLong("jfr.begin", Long.MIN_VALUE) || at > Long.getLong("jfr.end", Long.MAX_VALUE)) {
					continue;
				}
				RecordedStackTrace st = e.getStackTrace();
				if (st == null || st.getFrames().isEmpty()) {
					continue;
				}
				String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
				String only = System.getProperty("jfr.thread");
				if (only != null && (thread == null || !thread.contains(only))) {
					continue;
				}
				samples++;
				threads.merge(thread == null ? "?" : thread.replaceAll("-\\d+$", "-N"), 1, Integer::sum);
				List<RecordedFrame> frames = st.getFrames();
				self.merge(name(frames.get(0)), 1, Integer::sum);
				if (parent != null) {
					for (int i = frames.size() - 1; i >= 0; i--) {
						if (name(frames.get(i)).equals(parent)) {
							// the nearest callee below the outermost parent frame that is not the parent again
							int k = i - 1;
							while (k >= 0 && name(frames.get(k)).equals(parent)) {
								k--;
							}
							children.merge(k >= 0 ? name(frames.get(k)) : "(self)", 1, Integer::sum);
							break;
						}
					}
				}
				if (focus != null) {
					for (int i = 0; i < frames.size(); i++) {
						if (name(frames.get(i)).contains(focus)) {
							StringBuilder chain = new StringBuilder();
							for (int j = i; j < Math.min(frames.size(), i + 40); j++) {
								String m = name(frames.get(j));
								if (m.startsWith("org.accountsecurity.") || j < i + Integer.getInteger("jfr.depth", 3)) {
									chain.append("\n      <- ").append(m).append(':').append(frames.get(j).getLineNumber());
								}
							}
							focusStacks.merge(chain.toString(), 1, Integer::sum);
							break;
						}
					}
				}
				Set<String> seen = new HashSet<>();
				Set<String> seenApp = new HashSet<>();
				for (RecordedFrame f : frames) {
					String m = name(f);
					if (seen.add(m)) {
						total.merge(m, 1, Integer::sum);
					}
					if (m.startsWith("org.accountsecurity.") && seenApp.add(m)) {
						app.merge(m, 1, Integer::sum);
					}
				}
			}
		}
		System.out.printf("%d execution samples%n", samples);
		print("Threads", threads, samples, 10);
		print("Top frames (self)", self, samples, n);
		print("On the stack (total)", total, samples, n);
		print("Application methods on the stack (total)", app, samples, n);
		if (focus != null) {
			print("Stacks through " + focus, focusStacks, samples, 8);
		}
		if (parent != null) {
			print("Callees of " + parent, children, samples, 25);
		}
	}

	private static String name(RecordedFrame f) {
		return f.getMethod().getType().getName() + "." + f.getMethod().getName();
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int n) {
		System.out.printf("%n%s%n", title);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(n)
			.forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
	}

}
