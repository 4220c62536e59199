using System.Text;

namespace ProServ.Integration.Serialization;

/// <summary>Converts PascalCase CLR names to the kebab-case used on the wire and in schema names.</summary>
internal static class KebabCase
{
    /// <summary>Converts a PascalCase name (<c>TimeAndMaterials</c>) to kebab-case (<c>time-and-materials</c>).</summary>
    /// <param name="pascalCase">The name; ASCII letters and digits.</param>
    /// <returns>The kebab-case name.</returns>
    public static string FromPascalCase(string pascalCase)
    {
        var builder = new StringBuilder(pascalCase.Length + 4);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
