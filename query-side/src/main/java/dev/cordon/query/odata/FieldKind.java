package dev.cordon.query.odata;

import java.util.EnumSet;
import java.util.Set;

/** What literals a filterable field takes and which operators make sense on it. */
public enum FieldKind {
    STRING(EnumSet.of(ComparisonOperator.EQ, ComparisonOperator.NE)),
    ENUM(EnumSet.of(ComparisonOperator.EQ, ComparisonOperator.NE)),
    /** An id that is a number (rbacGroupId): written bare, compared for equality only. */
    INTEGER(EnumSet.of(ComparisonOperator.EQ, ComparisonOperator.NE)),
    INSTANT(EnumSet.allOf(ComparisonOperator.class)),
    /** Several strings (TagColumn): compared only inside {@code any()}. */
    COLLECTION(EnumSet.noneOf(ComparisonOperator.class));

    private final Set<ComparisonOperator> operators;

    FieldKind(Set<ComparisonOperator> operators) {
        this.operators = operators;
    }

    Set<ComparisonOperator> operators() {
        return operators;
    }
}
