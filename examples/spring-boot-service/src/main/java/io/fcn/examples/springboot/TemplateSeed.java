package io.fcn.examples.springboot;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.template.TemplateFilter;

/**
 * On an empty database, one active template to book against (requests/book-trade.json names it). Runs while the
 * context starts, so before the server takes requests. Its parameters hold what a booking derives from the template:
 * maturity_years (the maturity date) and currency.
 */
@Component
class TemplateSeed implements InitializingBean {

    static final String TEMPLATE_ID = "0b6f8c2e-3d4a-4e5f-9a1b-7c8d9e0f1a2b";
    static final String SPEC_VERSION = "1.0";
    static final String PARAMETERS = """
            {"underlying_assets": [{"ticker": "AAPL", "weight": 0.5}, {"ticker": "MSFT", "weight": 0.5}],
             "strike_levels": [1.0], "barrier_level": 0.7, "coupon_rate": 0.0875,
             "observation_frequency": "quarterly", "maturity_years": 1, "currency": "USD"}""";

    private final FcnPersistence fcn;
    private final TransactionTemplate tx;

    TemplateSeed(FcnPersistence fcn, TransactionTemplate tx) {
        this.fcn = fcn;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        if (fcn.templates().list(TemplateFilter.all(), PageRequest.of(1, 1)).totalItems() > 0) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> fcn.templates().create(NewTemplate.builder().templateId(TEMPLATE_ID)
                    .name("Worst-of AAPL/MSFT 12M FCN").specVersion(SPEC_VERSION).issuer("BANK-A")
                    .parameters(PARAMETERS).active().build()));
        } catch (DuplicateKeyException e) {
            // another instance starting on the same database seeded it first
        }
    }
}
