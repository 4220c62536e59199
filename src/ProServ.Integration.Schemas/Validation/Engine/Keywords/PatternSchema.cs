using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>One entry of <c>patternProperties</c>.</summary>
internal sealed record PatternSchema(Regex Regex, SchemaNode Schema, string Location);
