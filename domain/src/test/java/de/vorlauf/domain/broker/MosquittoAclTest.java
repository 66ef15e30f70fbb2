package de.vorlauf.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.broker.MosquittoAcl.Access;
import de.vorlauf.domain.broker.MosquittoAcl.Rule;
import org.junit.jupiter.api.Test;

class MosquittoAclTest {

  private static final String FILE =
      """
      # header
      topic read public/#

      pattern write greenbox/%u/sensors
      pattern read greenbox/%u/commands/#
      pattern clients/%c

      user vorlauf-worker
      topic read greenbox/+/sensors
      topic readwrite vorlauf/self-check/#
      topic deny vorlauf/self-check/secret

      user gw-1
      topic write greenbox/dev-a/sensors
      """;

  @Test
  void aUserGetsItsSectionThenThePatternsWithItsNameAndClientId() {
    MosquittoAcl acl = MosquittoAcl.parse(FILE);

    assertThat(acl.rulesFor("vorlauf-worker", "w1"))
        .containsExactly(
            new Rule(Access.READ, "greenbox/+/sensors"),
            new Rule(Access.READWRITE, "vorlauf/self-check/#"),
            new Rule(Access.DENY, "vorlauf/self-check/secret"),
            new Rule(Access.WRITE, "greenbox/vorlauf-worker/sensors"),
            new Rule(Access.READ, "greenbox/vorlauf-worker/commands/#"),
            new Rule(Access.READWRITE, "clients/w1"));
    assertThat(acl.rulesFor("dev-b", "c"))
        .containsExactly(
            new Rule(Access.WRITE, "greenbox/dev-b/sensors"),
            new Rule(Access.READ, "greenbox/dev-b/commands/#"),
            new Rule(Access.READWRITE, "clients/c"));
    assertThat(acl.anonymousRules()).containsExactly(new Rule(Access.READ, "public/#"));
  }

  @Test
  void aNameThatIsNoSingleTopicLevelGetsNoPatternRule() {
    MosquittoAcl acl = MosquittoAcl.parse(FILE);

    assertThat(acl.rulesFor("a/b", "c1")).containsExactly(new Rule(Access.READWRITE, "clients/c1"));
    assertThat(acl.rulesFor("x", "+")).hasSize(2);
    assertThat(acl.rulesFor("#", "#")).isEmpty();
  }

  @Test
  void aLineMosquittoWouldRefuseIsRefusedWithItsNumber() {
    assertThatThrownBy(() -> MosquittoAcl.parse("user a\nallow all\n"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> MosquittoAcl.parse("topic read\n")).hasMessageContaining("line 1");
  }

  @Test
  void passwordFileMapsUsersToHashes() {
    assertThat(MosquittoPasswordFile.parse("# c\na:$7$1$s$h\n\nb:x:y\nbroken\n"))
        .containsExactly(java.util.Map.entry("a", "$7$1$s$h"), java.util.Map.entry("b", "x:y"));
  }
}
