namespace ProServ.Integration.Rules;

/// <summary>Lists the stable codes of the built-in business rules (<see cref="RuleViolation.Code"/>).</summary>
/// <remarks>Callers branch on these codes, never on message text. Every code starts with <c>rules.</c>; the second segment names the record or gate.</remarks>
public static class RuleCodes
{
    /// <summary>The error code of the exception <see cref="RuleSetBuilder{T}.Build"/> throws for an invalid rule set.</summary>
    public const string InvalidRuleSet = "rules.invalid-rule-set";

    /// <summary>Error at <c>/hours</c>: the person's hours on the day, this entry included, exceed <see cref="BusinessRuleOptions.MaxHoursPerDay"/>.</summary>
    public const string DailyHoursExceeded = "rules.time-entry.daily-hours-exceeded";

    /// <summary>Warning at <c>/hours</c>: the person's hours on the day exceed <see cref="BusinessRuleOptions.HoursPerDayWarningThreshold"/>.</summary>
    public const string DailyHoursHigh = "rules.time-entry.daily-hours-high";

    /// <summary>Error at <c>/hours</c>: the entry is shorter than <see cref="BusinessRuleOptions.MinHoursPerEntry"/>.</summary>
    public const string HoursBelowMinimum = "rules.time-entry.hours-below-minimum";

    /// <summary>Error at <c>/engagementId</c>: the engagement is not known.</summary>
    public const string TimeEngagementNotFound = "rules.time-entry.engagement-not-found";

    /// <summary>Error at <c>/workDate</c>: the work date is before the engagement starts or after it ends.</summary>
    public const string OutsideEngagement = "rules.time-entry.outside-engagement";

    /// <summary>Error at <c>/assignmentId</c>: the assignment is not known.</summary>
    public const string AssignmentNotFound = "rules.time-entry.assignment-not-found";

    /// <summary>Error at <c>/assignmentId</c>: the assignment is for another person or another engagement.</summary>
    public const string AssignmentMismatch = "rules.time-entry.assignment-mismatch";

    /// <summary>Error at <c>/workDate</c>: the work date is outside the person's assignment.</summary>
    public const string OutsideAssignment = "rules.time-entry.outside-assignment";

    /// <summary>Error at <c>/contractLineId</c>: billable time names no contract line.</summary>
    public const string ContractLineRequired = "rules.time-entry.contract-line-required";

    /// <summary>Error at <c>/contractLineId</c>: the contract line is not known.</summary>
    public const string ContractLineNotFound = "rules.time-entry.contract-line-not-found";

    /// <summary>Error at <c>/contractLineId</c>: the contract line belongs to another engagement.</summary>
    public const string ContractLineMismatch = "rules.time-entry.contract-line-mismatch";

    /// <summary>Error at <c>/contractLineId</c>: billable time against a contract line that is not active.</summary>
    public const string ContractLineInactive = "rules.time-entry.contract-line-inactive";

    /// <summary>Error at <c>/contractLineId</c>: billable time against a contract line whose billing method does not bill time (see <see cref="BusinessRuleOptions.TimeBillableMethods"/>).</summary>
    public const string ContractLineNotTimeBillable = "rules.time-entry.contract-line-not-time-billable";

    /// <summary>Error at <c>/workDate</c>: billable time on a day the contract line is not in force.</summary>
    public const string OutsideContractLine = "rules.time-entry.outside-contract-line";

    /// <summary>Error at <c>/lines</c>: the invoice has no lines.</summary>
    public const string InvoiceNoLines = "rules.invoice.no-lines";

    /// <summary>Error at a money value's <c>/currency</c> (for example <c>/lines/0/amount/currency</c>): the amount is not in the invoice currency.</summary>
    public const string InvoiceCurrencyMismatch = "rules.invoice.currency-mismatch";

    /// <summary>Error at a money value (for example <c>/lines/1/taxAmount</c>): the amount has more decimals than the currency's minor units.</summary>
    public const string InvoiceAmountNotRounded = "rules.invoice.amount-not-rounded";

    /// <summary>Error at <c>/lines/{i}/amount</c>: the line amount is not quantity times unit price, rounded half to even.</summary>
    public const string InvoiceLineAmountMismatch = "rules.invoice.line-amount-mismatch";

    /// <summary>Error at <c>/subtotal</c>: the subtotal is not the sum of the line amounts.</summary>
    public const string InvoiceSubtotalMismatch = "rules.invoice.subtotal-mismatch";

    /// <summary>Error at <c>/taxTotal</c>: the tax total is not the sum of the line taxes.</summary>
    public const string InvoiceTaxTotalMismatch = "rules.invoice.tax-total-mismatch";

    /// <summary>Error at <c>/total</c>: the total is not the line amounts plus tax.</summary>
    public const string InvoiceTotalMismatch = "rules.invoice.total-mismatch";

    /// <summary>Error at <c>/amountDue</c>: the amount due is not the total minus the amount paid.</summary>
    public const string InvoiceAmountDueMismatch = "rules.invoice.amount-due-mismatch";

    /// <summary>Error at <c>/currency</c>: the invoice is not in its engagement's currency.</summary>
    public const string InvoiceEngagementCurrencyMismatch = "rules.invoice.engagement-currency-mismatch";

    /// <summary>Error at <c>/currency</c> of a contract line (<see cref="RuleViolation.RecordType"/> <c>contract-line</c>): the line is not in the engagement's currency.</summary>
    public const string ContractLineCurrencyMismatch = "rules.engagement.contract-line-currency-mismatch";

    /// <summary>Error at <c>/currency</c> of an invoice (<see cref="RuleViolation.RecordType"/> <c>invoice</c>): the invoice is not in the engagement's currency.</summary>
    public const string EngagementInvoiceCurrencyMismatch = "rules.engagement.invoice-currency-mismatch";

    /// <summary>Error at <c>/stage</c>: project set-up was asked for an opportunity that is not closed-won.</summary>
    public const string ReadinessNotWon = "rules.project-readiness.not-won";

    /// <summary>Error at <c>/legalEntity</c>: the won opportunity names no contracting legal entity.</summary>
    public const string ReadinessLegalEntityMissing = "rules.project-readiness.legal-entity-missing";

    /// <summary>Error at <c>/billingMethod</c>: the won opportunity has no billing method, or one this version does not know.</summary>
    public const string ReadinessBillingMethodMissing = "rules.project-readiness.billing-method-missing";

    /// <summary>Error at <c>/expectedStartDate</c>: the won opportunity has no start date.</summary>
    public const string ReadinessStartDateMissing = "rules.project-readiness.start-date-missing";

    /// <summary>Error at <c>/serviceLine</c>: the won opportunity has no service line.</summary>
    public const string ReadinessServiceLineMissing = "rules.project-readiness.service-line-missing";

    /// <summary>Error at <c>/projectManagerId</c>: the won opportunity has no project manager.</summary>
    public const string ReadinessProjectManagerMissing = "rules.project-readiness.project-manager-missing";
}
