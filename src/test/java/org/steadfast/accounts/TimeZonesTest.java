package org.steadfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

	@Test
	void offersRegionCityZonesAndUtc() {
		assertThat(TimeZones.CHOICES).contains("Europe/London", "America/New_York", "Pacific/Auckland", "UTC")
				.doesNotContain("EST", "GMT+5", "SystemV/AST4");
		assertThat(TimeZones.CHOICES).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void parsesOnlyOfferedZones() {
		assertThat(TimeZones.parse("Asia/Kolkata")).contains(ZoneId.of("Asia/Kolkata"));
		assertThat(TimeZones.parse("Mars/Olympus_Mons")).isEmpty();
		assertThat(TimeZones.parse("+05:00")).isEmpty();
		assertThat(TimeZones.parse(null)).isEmpty();
		assertThat(TimeZones.parse("Europe/London\u0000")).isEmpty();
	}
}
