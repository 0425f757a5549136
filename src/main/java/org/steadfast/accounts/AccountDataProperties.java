package org.steadfast.accounts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/** Data export and account deletion ({@code steadfast.account-data.*}). */
@ConfigurationProperties("steadfast.account-data")
@Validated
public class AccountDataProperties {

	/** How long an erased member's username and address stay unavailable to others (a plain number is days). */
	@DurationUnit(ChronoUnit.DAYS)
	private Duration hold = Duration.ofDays(30);

	/** Rows read per statement while an export is written: memory stays the same however much a member wrote. */
	@Min(1)
	@Max(10000)
	private int exportBatch = 500;

	public Duration getHold() {
		return hold;
	}

	public void setHold(Duration hold) {
		this.hold = hold;
	}

	public int getExportBatch() {
		return exportBatch;
	}

	public void setExportBatch(int exportBatch) {
		this.exportBatch = exportBatch;
	}
}
