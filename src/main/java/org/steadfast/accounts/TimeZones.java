package org.steadfast.accounts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The IANA time zones a member can choose: region/city names, not legacy aliases or offsets. */
public final class TimeZones {

	private static final Pattern REGION_CITY = Pattern
			.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+");

	public static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
			.filter(z -> REGION_CITY.matcher(z).matches())
			.sorted()
			.collect(Collectors.collectingAndThen(Collectors.toList(), list -> {
				list.add("UTC");
				return List.copyOf(list);
			}));

	private TimeZones() {
	}

	/** The zone for an id typed or posted by a member, only if it is one of the choices. */
	public static Optional<ZoneId> parse(String id) {
		if (id == null || !CHOICES.contains(id)) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}
}
