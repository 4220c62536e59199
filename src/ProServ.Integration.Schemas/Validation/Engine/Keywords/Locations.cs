namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Precomputes keyword locations of array applicators.</summary>
internal static class Locations
{
    public static string[] Indexed(string keyword, int count)
    {
        var locations = new string[count];
        for (var i = 0; i < count; i++)
        {
            locations[i] = keyword + JsonPointer.Segment(i);
        }

        return locations;
    }
}
