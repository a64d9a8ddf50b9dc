package io.fcn.persistence.trade;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import io.fcn.persistence.types.TradeStatus;

/**
 * A booked trade as stored.
 *
 * @param tradeId           business key, unique case-insensitively
 * @param templateId        the template it was booked against, as that template spells its id
 * @param specVersion       the template spec version the trade follows
 * @param tradeDate         the trade date
 * @param maturityDate      the maturity date
 * @param notional          DECIMAL(18,4): scale 4 as read back
 * @param currency          ISO 4217 code, e.g. {@code USD}
 * @param status            the current status
 * @param autocallTriggered set by the transition to {@link TradeStatus#AUTOCALLED}
 * @param kiTriggered       set by the transition to {@link TradeStatus#KNOCKED_IN}
 * @param tradeParams       JSON object or array
 * @param terminationDate   set by the transition to {@link TradeStatus#TERMINATED}
 * @param version           optimistic-lock version: 0 when booked, +1 on every transition; pass it back to the
 *                          transition methods of {@link TradeRepository}
 * @param createdAt         when the trade was booked
 * @param updatedAt         when it last changed (the booking, then every transition)
 */
public record Trade(String tradeId, String templateId, String specVersion, LocalDate tradeDate,
        LocalDate maturityDate, BigDecimal notional, String currency, TradeStatus status, boolean autocallTriggered,
        boolean kiTriggered, String tradeParams, Optional<LocalDate> terminationDate, int version,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
