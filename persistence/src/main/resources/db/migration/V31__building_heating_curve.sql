-- Vorlauf V31: the heating curve every building runs (issue 9). The next number after V30; the
-- column group belongs to the registry (V10), whose numbers a database at V30 can no longer take.
--
-- flow = curve_base_temp + curve_slope * (20 - outdoor), clipped to [flow_temp_min, flow_temp_max]:
-- the source document's calculate_heating_curve, defaults base 35 °C, slope 1.5, 25-75 °C
-- (de.vorlauf.domain.heating.HeatingCurve.DEFAULT; a test holds the two equal). The ranges per
-- heating type are checked by the application against the domain's equipment limits, not here.
ALTER TABLE buildings
    ADD COLUMN curve_base_temp double precision NOT NULL DEFAULT 35.0,
    ADD COLUMN curve_slope     double precision NOT NULL DEFAULT 1.5,
    ADD COLUMN flow_temp_min   double precision NOT NULL DEFAULT 25.0,
    ADD COLUMN flow_temp_max   double precision NOT NULL DEFAULT 75.0,
    ADD CONSTRAINT buildings_curve_slope_not_negative CHECK (curve_slope >= 0),
    ADD CONSTRAINT buildings_flow_temp_ordered CHECK (flow_temp_min < flow_temp_max);

-- Heat pumps deliver at most 55 °C flow (HeatingType.WAERMEPUMPE's limit when this ran): their
-- existing rows get the default curve within that range, as the API gives new ones.
UPDATE buildings SET flow_temp_max = 55.0 WHERE heating_type = 'waermepumpe' AND flow_temp_max > 55.0;

-- night_setback_reduction keeps its numbers and from now on means a room-temperature reduction
-- (the source document's night_setback_reduction = 3.0 °C, the API's default): the flow falls by
-- (1 + curve_slope) times it. Rows the fleet simulator wrote before this version held a flow drop
-- of 4-8 K; on such a development stack those buildings set back deeper until their entries are
-- set again or the state folder is reset.
COMMENT ON COLUMN buildings.night_setback_reduction IS
    'room-temperature reduction in K during the setback window; the flow falls by (1 + curve_slope) times it';
COMMENT ON COLUMN buildings.curve_base_temp IS 'flow temperature in °C at 20 °C outdoor';
COMMENT ON COLUMN buildings.curve_slope IS 'K of flow temperature per K of outdoor temperature below 20 °C';
COMMENT ON COLUMN buildings.flow_temp_min IS 'lowest flow temperature in °C the curve asks for';
COMMENT ON COLUMN buildings.flow_temp_max IS 'highest flow temperature in °C the curve asks for';
