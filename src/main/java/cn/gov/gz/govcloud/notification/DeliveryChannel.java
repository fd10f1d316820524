package cn.gov.gz.govcloud.notification;

/**
 * One way out of the outbox. {@link OutboxDispatcher} claims each due row of a configured channel and hands it to
 * {@link #send}; a failure is retried with backoff, like mail.
 */
interface DeliveryChannel {

  Channel channel();

  /** False when the installation has not set this channel up: then no row of it is written or sent. */
  boolean configured();

  /** Delivers one message; throws with a reason the outbox keeps when it was not accepted. */
  void send(Notification notification) throws Exception;

  /** Refused by the other side: the reason is kept on the row and the message retried later. */
  final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }
}
