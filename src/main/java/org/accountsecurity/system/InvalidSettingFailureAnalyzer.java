package org.accountsecurity.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a missing or invalid setting as one line instead of a stack trace. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSetting> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSetting cause) {
		return new FailureAnalysis("Invalid setting: " + cause.getMessage(),
				"Set " + cause.setting() + " in config/application.yml or the environment.", cause);
	}

}
