package cn.gov.gz.govcloud.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Mail over Spring Mail. Without {@code spring.mail.host} mail waits in the outbox, readable over REST. */
@Component
class MailChannel implements DeliveryChannel {

  private final ObjectProvider<JavaMailSender> mailSender;
  private final MailProperties mailProperties;
  private final NotificationProperties properties;

  MailChannel(ObjectProvider<JavaMailSender> mailSender, MailProperties mailProperties,
      NotificationProperties properties) {
    this.mailSender = mailSender;
    this.mailProperties = mailProperties;
    this.properties = properties;
  }

  @Override
  public Channel channel() {
    return Channel.MAIL;
  }

  @Override
  public boolean configured() {
    return mailSender.getIfAvailable() != null && mailProperties.getHost() != null
        && !mailProperties.getHost().isBlank();
  }

  @Override
  public void send(Notification n) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(properties.from());
    mail.setTo(n.email() != null ? n.email() : n.address());
    mail.setSubject(n.subject());
    mail.setText(n.body());
    mailSender.getObject().send(mail);
  }
}
