package de.vorlauf.workflows.search;

import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;

/**
 * The custom search attribute that ties a per-building workflow to its building, so that the admin
 * UI's workflow explorer lists the executions of one building ({@code VorlaufBuildingId =
 * 'b-001'}). It is a Keyword (exact match, not tokenised). The platform registers it on the CLI dev
 * server it starts ({@code --search-attribute VorlaufBuildingId=Keyword}); a cluster needs it once:
 * {@code temporal operator search-attribute create --name VorlaufBuildingId --type Keyword}.
 *
 * <p>A workflow about one building is started with {@link #tag}: that is all it takes to appear
 * under the building filter. A Temporal that does not know the attribute refuses the start: the
 * launcher's in-JVM fallback registers it too (it lists nothing, but the start must work), and a
 * workflow test on the SDK's {@code TestWorkflowEnvironment} registers it with {@code
 * registerSearchAttribute(NAME, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)}.
 */
public final class BuildingSearchAttribute {

  public static final String NAME = "VorlaufBuildingId";

  public static final SearchAttributeKey<String> KEY = SearchAttributeKey.forKeyword(NAME);

  private BuildingSearchAttribute() {}

  /** Sets the building on the options of a workflow about to start. */
  public static WorkflowOptions.Builder tag(WorkflowOptions.Builder options, String buildingId) {
    return options.setTypedSearchAttributes(
        SearchAttributes.newBuilder().set(KEY, buildingId).build());
  }
}
