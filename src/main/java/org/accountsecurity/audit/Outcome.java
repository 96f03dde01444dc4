package org.accountsecurity.audit;

/** Whether the step an event records went through. */
public enum Outcome {

	SUCCESS, FAILURE

}
