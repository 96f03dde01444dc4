package org.accountsecurity.bench;

import java.io.IOException;

/**
 * PostgreSQL's checkpointer during a window: a checkpoint that writes then lengthens the
 * tail of every request that waits for the database.
 */
final class Checkpoints {

	private Checkpoints() {
	}

	/**
	 * Buffers the checkpointer has written so far (all databases of the server), or -1
	 * without PostgreSQL.
	 */
	static long buffers(Run run) {
		if (run.get("pg-database", "").isBlank()) {
			return -1;
		}
		try {
			Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", run.get("pg-port", "5432"), "-U",
					run.get("pg-user", "postgres"), "-d", "postgres", "-qAtc",
					"select buffers_checkpoint from pg_stat_bgwriter")
				.redirectErrorStream(true)
				.start();
			String out = new String(psql.getInputStream().readAllBytes()).trim();
			return psql.waitFor() == 0 ? Long.parseLong(out) : -1;
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** The buffers written between two readings, or -1 when either could not be read. */
	static long between(long before, long after) {
		return before < 0 || after < 0 ? -1 : after - before;
	}

	static String note(long buffers) {
		return buffers < 0 ? "" : buffers == 0 ? "; no PostgreSQL checkpoint wrote during the window"
				: "; a PostgreSQL checkpoint wrote " + buffers + " buffers during the window";
	}

}
