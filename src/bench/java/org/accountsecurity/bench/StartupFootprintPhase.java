package org.accountsecurity.bench;

/**
 * Start-up (launch → first healthy answer) and the resident memory of the idle service,
 * right after its start.
 */
final class StartupFootprintPhase implements Phase {

	private double rssIdleMb = Double.NaN;

	@Override
	public String name() {
		return "startup";
	}

	double rssIdleMb() {
		return rssIdleMb;
	}

	@Override
	public void run(Run run) throws Exception {
		Service service = run.service;
		double up = (service.healthyNanos - service.launchedNanos) / 1e9;
		Thread.sleep(3000);
		rssIdleMb = Procs.rssKb(service.pid()) / 1024.0;
		run.report.section("Footprint");
		run.report.row("Start-up: launch → /actuator/health UP", Report.f2(up) + " s",
				"Keycloak 10.7 s; Boot says " + service.reportedStartup(), "≤ 2.7 s", up <= 2.7);
		String makeRun = run.get("make-run-seconds", "");
		run.report.row("make run (local mode, after the first build): launch → /actuator/health UP",
				makeRun.isBlank() ? "not measured" : makeRun + " s",
				"make's build check, scripts/run.sh and the dev services included; JDK on PATH", "≤ 5 s",
				!makeRun.isBlank() && Double.parseDouble(makeRun) <= 5);
		run.report.row("RSS idle (3 s after healthy)", Report.f0(rssIdleMb) + " MB", "Keycloak 447 MB", "≤ 150 MB",
				rssIdleMb <= 150);
	}

}
