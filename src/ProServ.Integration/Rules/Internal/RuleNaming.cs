namespace ProServ.Integration.Rules.Internal;

/// <summary>Checks rule and rule-set names: 1 to 64 characters of <c>[a-z0-9-]</c>, starting with a letter.</summary>
internal static class RuleNaming
{
    public static bool IsValidName(string? name)
    {
        if (name is null || name.Length is 0 or > 64 || !char.IsAsciiLetterLower(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
