package org.accountsecurity.bench;

/** The resident memory of the service after the loads, beside the idle figure. */
final class LoadFootprintPhase implements Phase {

	private final StartupFootprintPhase startup;

	LoadFootprintPhase(StartupFootprintPhase startup) {
		this.startup = startup;
	}

	@Override
	public String name() {
		return "footprint";
	}

	@Override
	public boolean always() {
		return true;
	}

	@Override
	public void run(Run run) {
		double rss = Procs.rssKb(run.service.pid()) / 1024.0;
		run.report.row("RSS after the load", Report.f0(rss) + " MB",
				"Keycloak 775 MB; idle was " + Report.f0(startup.rssIdleMb()), "≤ 260 MB", rss <= 260);
	}

}
