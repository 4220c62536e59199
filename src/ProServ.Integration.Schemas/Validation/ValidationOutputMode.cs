namespace ProServ.Integration.Schemas.Validation;

/// <summary>Specifies how many errors a validation collects.</summary>
public enum ValidationOutputMode
{
    /// <summary>Collect every error.</summary>
    AllErrors = 0,

    /// <summary>Stop at the first error (fastest for invalid documents).</summary>
    FirstError = 1,
}
