package de.vorlauf.devstack.broker;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.PermissionType;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import de.vorlauf.domain.broker.MosquittoAcl;
import java.util.List;

/**
 * Mosquitto ACL rules as HiveMQ default permissions, which HiveMQ checks itself on every PUBLISH
 * and SUBSCRIBE without calling back into the extension (the fast path its documentation
 * recommends): read becomes SUBSCRIBE, write PUBLISH, readwrite both; denials come first, because
 * Mosquitto checks them first and HiveMQ takes the first permission that matches; anything not
 * granted is refused.
 *
 * <p>One difference from Mosquitto, which checks read access when it delivers a message: HiveMQ
 * checks a subscription's filter when it is made, so a device that subscribes to {@code #} is
 * refused (SUBACK 0x87) instead of receiving only its own commands. No Vorlauf client subscribes
 * beyond its grants.
 */
final class HiveMqPermissions {

  private HiveMqPermissions() {}

  static void apply(List<MosquittoAcl.Rule> rules, ModifiableDefaultPermissions permissions) {
    permissions.clear();
    for (MosquittoAcl.Rule rule : rules) {
      if (rule.access() == MosquittoAcl.Access.DENY) {
        permissions.add(permission(rule.topic(), MqttActivity.ALL, PermissionType.DENY));
      }
    }
    for (MosquittoAcl.Rule rule : rules) {
      MqttActivity activity =
          switch (rule.access()) {
            case READ -> MqttActivity.SUBSCRIBE;
            case WRITE -> MqttActivity.PUBLISH;
            case READWRITE -> MqttActivity.ALL;
            case DENY -> null;
          };
      if (activity != null) {
        permissions.add(permission(rule.topic(), activity, PermissionType.ALLOW));
      }
    }
    permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
  }

  private static TopicPermission permission(
      String topic, MqttActivity activity, PermissionType type) {
    return Builders.topicPermission().topicFilter(topic).activity(activity).type(type).build();
  }
}
