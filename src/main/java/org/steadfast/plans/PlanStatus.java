package org.steadfast.plans;

public enum PlanStatus {
	ACTIVE, FINISHED, ABANDONED
}
