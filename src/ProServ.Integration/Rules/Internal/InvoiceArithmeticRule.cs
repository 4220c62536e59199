using ProServ.Integration.Finance;
using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>One currency on the invoice, every amount rounded to its minor units, line amounts = quantity x unit price, totals = lines plus tax, exactly.</summary>
internal sealed class InvoiceArithmeticRule : IRule<Invoice>
{
    public string Name => "totals";

    public ValueTask EvaluateAsync(Invoice record, RuleContext context, CancellationToken cancellationToken)
    {
        var currency = record.Currency;
        var consistent = true;
        var lineSum = 0m;
        var taxSum = 0m;
        var lines = record.Lines;
        if (lines.Count == 0)
        {
            context.Report(RuleCodes.InvoiceNoLines, RuleSeverity.Error, "/lines", "The invoice has no lines; an invoice bills at least one line.");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var unitPriceOk = CheckCurrency(context, record, line.UnitPrice, i, "unitPrice");
            var amountOk = CheckMoney(context, record, line.Amount, i, "amount");
            var taxOk = CheckMoney(context, record, line.TaxAmount, i, "taxAmount");
            consistent &= amountOk && taxOk;
            if (amountOk)
            {
                lineSum += line.Amount.Amount;
            }

            if (taxOk)
            {
                taxSum += line.TaxAmount.Amount;
            }

            if (unitPriceOk && amountOk)
            {
                var expected = TryExtend(line.Quantity, line.UnitPrice.Amount, currency.MinorUnits);
                if (expected != line.Amount.Amount)
                {
                    context.Report(RuleCodes.InvoiceLineAmountMismatch, RuleSeverity.Error, LinePath(i, "amount"), Text.Format(
                        $"Line {line.LineNumber} shows {line.Amount}, but {line.Quantity} x {line.UnitPrice} is {Describe(expected, currency)}."));
                }
            }
        }

        consistent &= CheckMoney(context, record, record.Subtotal, -1, "subtotal");
        consistent &= CheckMoney(context, record, record.TaxTotal, -1, "taxTotal");
        consistent &= CheckMoney(context, record, record.Total, -1, "total");
        consistent &= CheckMoney(context, record, record.AmountPaid, -1, "amountPaid");
        consistent &= CheckMoney(context, record, record.AmountDue, -1, "amountDue");
        if (!consistent)
        {
            // Sums across currencies or unrounded amounts mean nothing; the causes are already reported.
            return ValueTask.CompletedTask;
        }

        if (record.Subtotal.Amount != lineSum)
        {
            context.Report(RuleCodes.InvoiceSubtotalMismatch, RuleSeverity.Error, "/subtotal", Text.Format(
                $"The subtotal is {record.Subtotal}, but the line amounts add up to {Money.Of(lineSum, currency)}."));
        }

        if (record.TaxTotal.Amount != taxSum)
        {
            context.Report(RuleCodes.InvoiceTaxTotalMismatch, RuleSeverity.Error, "/taxTotal", Text.Format(
                $"The tax total is {record.TaxTotal}, but the line taxes add up to {Money.Of(taxSum, currency)}."));
        }

        if (record.Total.Amount != lineSum + taxSum)
        {
            context.Report(RuleCodes.InvoiceTotalMismatch, RuleSeverity.Error, "/total", Text.Format(
                $"The total is {record.Total}, but the lines ({Money.Of(lineSum, currency)}) plus tax ({Money.Of(taxSum, currency)}) come to {Money.Of(lineSum + taxSum, currency)}."));
        }

        if (record.AmountDue.Amount != record.Total.Amount - record.AmountPaid.Amount)
        {
            context.Report(RuleCodes.InvoiceAmountDueMismatch, RuleSeverity.Error, "/amountDue", Text.Format(
                $"The amount due is {record.AmountDue}, but the total {record.Total} less {record.AmountPaid} paid leaves {Money.Of(record.Total.Amount - record.AmountPaid.Amount, currency)}."));
        }

        return ValueTask.CompletedTask;
    }

    private static bool CheckCurrency(RuleContext context, Invoice invoice, Money money, int line, string field)
    {
        if (money.Currency == invoice.Currency)
        {
            return true;
        }

        context.Report(RuleCodes.InvoiceCurrencyMismatch, RuleSeverity.Error, Path(line, field) + "/currency", Text.Format(
            $"{Label(invoice, line, field)} is in {money.Currency}, but the invoice is in {invoice.Currency}; every amount on an invoice is in one currency."));
        return false;
    }

    private static bool CheckMoney(RuleContext context, Invoice invoice, Money money, int line, string field)
    {
        if (!CheckCurrency(context, invoice, money, line, field))
        {
            return false;
        }

        if (money.IsRoundedToMinorUnits)
        {
            return true;
        }

        context.Report(RuleCodes.InvoiceAmountNotRounded, RuleSeverity.Error, Path(line, field), Text.Format(
            $"{Label(invoice, line, field)} is {money}, which has more than the {invoice.Currency.MinorUnits} decimals {invoice.Currency} allows."));
        return false;
    }

    private static decimal? TryExtend(decimal quantity, decimal unitPrice, int minorUnits)
    {
        try
        {
            return decimal.Round(quantity * unitPrice, minorUnits, MidpointRounding.ToEven);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Describe(decimal? amount, CurrencyCode currency) =>
        amount is { } value ? Text.Format($"{value} {currency}") : "too large to compute";

    private static string Path(int line, string field) => line < 0 ? "/" + field : LinePath(line, field);

    private static string LinePath(int line, string field) => Text.Format($"/lines/{line}/{field}");

    private static string Label(Invoice invoice, int line, string field) =>
        line < 0 ? Text.Format($"The invoice's {field}") : Text.Format($"The {field} of line {invoice.Lines[line].LineNumber}");
}
