package dev.cordon.events.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.events.DeviceEvent;
import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.RiskScore;

/**
 * Revision 1 to 2 of the two events that carry a device's details: before revision 2 no inventory gave a risk
 * score or an exposure level, so Defender's no-data value is what was true, not a guess.
 */
public final class RiskAndExposureUpcaster implements JsonUpcaster {

    static final String RISK_SCORE = "riskScore";
    static final String EXPOSURE_LEVEL = "exposureLevel";

    private final Class<? extends DeviceEvent> eventClass;

    public RiskAndExposureUpcaster(Class<? extends DeviceEvent> eventClass) {
        this.eventClass = eventClass;
    }

    @Override
    public Class<? extends DeviceEvent> eventClass() {
        return eventClass;
    }

    @Override
    public String fromRevision() {
        return "1";
    }

    @Override
    public String toRevision() {
        return "2";
    }

    @Override
    public String change() {
        return "Added `riskScore` and `exposureLevel`: the registering inventory reports them and clients read them"
                + " on the machine entity with Defender's names and values. Revision-1 events get None for both,"
                + " Defender's value when it has no data.";
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        ObjectNode upcast = data.deepCopy();
        upcast.put(RISK_SCORE, RiskScore.None.name());
        upcast.put(EXPOSURE_LEVEL, ExposureLevel.None.name());
        return upcast;
    }
}
