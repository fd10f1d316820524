package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.notification.Contacts.Contact;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * WeCom group robots (企业微信群机器人): a duty group's chat gets one message per notice (not one per person), which
 * @-mentions the group's members by WeCom id, or by mobile number for those without one. The robot of a Camunda
 * group is configured by its key ({@link WeComProperties#robots()}); the key is read at sending time and never stored
 * in the outbox.
 */
@Component
class WeComRobotChannel implements DeliveryChannel {

  /** Recipient of a robot's row in the outbox: {@code robot:<group>}. */
  static final String RECIPIENT_PREFIX = "robot:";

  private final WeComProperties properties;
  private final Contacts contacts;
  private final IdentityService identity;
  private final Privileged privileged;
  private final HttpJson http;

  WeComRobotChannel(WeComProperties properties, Contacts contacts, IdentityService identity, Privileged privileged) {
    this.properties = properties;
    this.contacts = contacts;
    this.identity = identity;
    this.privileged = privileged;
    this.http = new HttpJson(properties.timeout());
  }

  @Override
  public Channel channel() {
    return Channel.WECOM_ROBOT;
  }

  @Override
  public boolean configured() {
    return !properties.robotKeys().isEmpty();
  }

  /** Whether the group has a robot. */
  boolean hasRobot(String groupId) {
    return properties.robotKeys().containsKey(groupId);
  }

  @Override
  public void send(Notification n) throws Refused, InterruptedException {
    String group = n.address();
    String key = properties.robotKeys().get(group);
    if (key == null) {
      throw new Refused("未配置用户组 " + group + " 的企业微信群机器人");
    }
    List<String> members = privileged.run(() -> identity.createUserQuery().memberOfGroup(group).list()).stream()
        .map(User::getId).toList();
    Map<String, Contact> known = contacts.findAll(members);
    List<String> ids = new ArrayList<>();
    List<String> mobiles = new ArrayList<>();
    for (String member : members) {
      Contact c = known.get(member);
      if (c != null && c.wecomUserId() != null) {
        ids.add(c.wecomUserId());
      } else if (c != null && c.mobile() != null) {
        mobiles.add(c.mobile());
      }
    }
    Map<String, Object> text = new LinkedHashMap<>();
    text.put("content", HttpJson.cutBytes(n.subject() + "\n" + n.body(), WeComAppChannel.MAX_BYTES));
    text.put("mentioned_list", ids);
    text.put("mentioned_mobile_list", mobiles);
    String url = properties.baseUrl() + "/cgi-bin/webhook/send?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    HttpJson.Answer answer;
    try {
      answer = http.post(url, http.write(Map.of("msgtype", "text", "text", text)), "application/json; charset=UTF-8",
          Map.of(), properties.timeout());
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("企业微信群机器人不可达（" + e.getClass().getSimpleName() + "）");
    }
    if (!answer.ok() || answer.json() == null || answer.json().path("errcode").asInt(-1) != 0) {
      throw new Refused("企业微信群机器人未受理：" + HttpJson.describe(answer));
    }
  }
}
