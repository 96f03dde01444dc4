package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Samples the CPU ticks of the service JVM, its redis-server, its PostgreSQL processes, the driver and the machine. */
final class CpuMeter implements Load.Meter {

	private final long servicePid;

	private final long redisPid;

	private final String database;

	private final long self = ProcessHandle.current().pid();

	CpuMeter(long servicePid, long redisPid, String database) {
		this.servicePid = servicePid;
		this.redisPid = redisPid;
		this.database = database;
	}

	record Snapshot(long service, long redis, Map<Long, Long> postgres, long driver, long machineBusy, long jit) {
	}

	@Override
	public Snapshot start() {
		return snap();
	}

	Snapshot snap() {
		return new Snapshot(Procs.cpuTicks(servicePid), redisPid > 0 ? Procs.cpuTicks(redisPid) : 0,
				database == null ? Map.of() : Procs.postgresTicks(database), Procs.cpuTicks(self), machineBusyTicks(),
				Procs.threadTicks(servicePid, "C2 Compiler") + Procs.threadTicks(servicePid, "C1 Compiler"));
	}

	@Override
	public Load.Usage stop(Object started, double seconds) {
		Snapshot a = (Snapshot) started;
		Snapshot b = snap();
		double t = Procs.TICKS_PER_SECOND;
		return new Load.Usage(seconds, (b.service() - a.service()) / t, (b.redis() - a.redis()) / t,
				Procs.delta(a.postgres(), b.postgres()) / t, (b.driver() - a.driver()) / t,
				(b.machineBusy() - a.machineBusy()) / t, (b.jit() - a.jit()) / t);
	}

	/** user+nice+system+irq+softirq+steal of all CPUs, from /proc/stat (USER_HZ ticks). */
	static long machineBusyTicks() {
		try {
			String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
			String[] f = first.trim().split("\\s+");
			long busy = 0;
			for (int i = 1; i < f.length && i <= 8; i++) {
				if (i != 4 && i != 5) { // idle, iowait
					busy += Long.parseLong(f[i]);
				}
			}
			return busy;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
