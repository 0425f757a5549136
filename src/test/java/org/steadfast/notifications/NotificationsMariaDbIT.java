package org.steadfast.notifications;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class NotificationsMariaDbIT extends NotificationScenarios {
}
