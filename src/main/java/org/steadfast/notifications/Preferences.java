package org.steadfast.notifications;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.PrivateWrite;
import org.steadfast.notifications.NotificationKind.Channel;

/** Each member's channel per notification kind; a kind they never changed uses its default. */
@PrivateWrite
@Service
public class Preferences {

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Channel channel(long memberId, NotificationKind kind) {
		return jdbc.sql("select channel from notification_preference where member_id = ? and kind = ?")
				.params(memberId, kind.name()).query(String.class).optional()
				.flatMap(Channel::parse).orElse(kind.defaultChannel());
	}

	@Transactional(readOnly = true)
	public Map<NotificationKind, Channel> all(long memberId) {
		Map<NotificationKind, Channel> channels = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			channels.put(kind, kind.defaultChannel());
		}
		jdbc.sql("select kind, channel from notification_preference where member_id = ?").param(memberId)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list()
				.forEach(row -> NotificationKind.parse(row[0]).ifPresent(kind ->
						Channel.parse(row[1]).ifPresent(channel -> channels.put(kind, channel))));
		return channels;
	}

	@Transactional
	public void save(long memberId, Map<NotificationKind, Channel> channels) {
		jdbc.sql("delete from notification_preference where member_id = ?").param(memberId).update();
		channels.forEach((kind, channel) -> {
			if (channel != kind.defaultChannel()) {
				jdbc.sql("insert into notification_preference (member_id, kind, channel) values (?, ?, ?)")
						.params(memberId, kind.name(), channel.name()).update();
			}
		});
	}
}
