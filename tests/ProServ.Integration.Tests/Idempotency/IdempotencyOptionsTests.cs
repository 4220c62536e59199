using System.ComponentModel.DataAnnotations;
using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Tests.Idempotency;

public sealed class IdempotencyOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new IdempotencyOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.LeaseDuration);
        Assert.Equal(TimeSpan.FromDays(7), options.DefaultRetention);
        Assert.Equal(TimeSpan.FromDays(400), options.BillingRetention);
        Assert.Equal(TimeSpan.Zero, options.InProgressWait);
        Assert.True(new IdempotencyOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void RetentionFor_OperationThenBillingThenDefault()
    {
        var options = new IdempotencyOptions();
        options.OperationRetention["crm.sync-client"] = TimeSpan.FromDays(1);

        Assert.Equal(TimeSpan.FromDays(1), options.RetentionFor("crm.sync-client"));
        Assert.Equal(TimeSpan.FromDays(400), options.RetentionFor("billing.post-time-entry"));
        Assert.Equal(TimeSpan.FromDays(7), options.RetentionFor("psa.update-project"));
    }

    [Fact]
    public void Validate_RetentionNotOutlivingLease_ListsEveryField()
    {
        var options = new IdempotencyOptions { LeaseDuration = TimeSpan.FromDays(8), InProgressWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(2) };
        options.OperationRetention["x"] = TimeSpan.FromHours(1);

        var result = new IdempotencyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("DefaultRetention", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("OperationRetention[x]", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PollInterval", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.StartsWith("BillingRetention", StringComparison.Ordinal));
    }

    [Fact]
    public void DataAnnotations_ZeroLease_Rejected()
    {
        var options = new IdempotencyOptions { LeaseDuration = TimeSpan.Zero };
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(IdempotencyOptions.LeaseDuration), StringComparer.Ordinal));
    }
}
