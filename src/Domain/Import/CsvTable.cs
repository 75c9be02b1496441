using CollegeBot.Domain.People.Import;
using CsvHelper;

namespace CollegeBot.Domain.Import;

/// <summary>One data row that is not blank: its line in the file (the header is line 1) and its trimmed values.</summary>
/// <param name="Fields">The values of the columns asked for, in that order; "" for an optional column the file lacks.</param>
internal sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// Reads the college's CSV files (people.csv, placements.csv): UTF-8, comma-separated, a header row naming the columns in
/// any order. Only reading is done here; each file checks its own values. Every problem is reported with its line.
/// </summary>
internal static class CsvTable
{
    /// <summary>
    /// The rows of the file; null when the header is unusable (then nothing else is read). Every required column must be in
    /// the header once; an optional one may be missing.
    /// </summary>
    public static async Task<IReadOnlyList<CsvRecord>?> ReadAsync(
        TextReader text, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<ImportError> errors, CancellationToken ct)
    {
        var options = CsvReaderOptions.Default with
        {
            // Fixed, not detected: the '|' inside cells must never be taken for the separator.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,

            // Our files never have line breaks inside a value, so one stray quote costs one line, not the rest of the file.
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => errors.Add(new((int)bad.LineNumber, Describe(bad.Reason))),
        };

        await using var reader = CsvReader.Create(text, options, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var columns = FindColumns(reader, required, optional, errors);
        if (columns is null)
        {
            return null;
        }

        var rows = new List<CsvRecord>();
        while (await reader.ReadAsync(ct))
        {
            var line = (int)reader.LineNumber;
            if (Enumerable.Range(0, reader.FieldCount).All(i => reader.IsEmpty(i) || reader.GetString(i).Trim().Length == 0))
            {
                continue;
            }

            if (reader.FieldCount > reader.Headers.Count)
            {
                errors.Add(new(line, $"{reader.FieldCount} values but the header has {reader.Headers.Count} columns; put a value that contains a comma in double quotes"));
                continue;
            }

            rows.Add(new CsvRecord(line, [.. columns.Select(i => i >= 0 && i < reader.FieldCount ? reader.GetString(i).Trim() : "")]));
        }

        return rows;
    }

    /// <summary>The index of each column in the file (-1 for a missing optional one), or null when a column is missing or doubled.</summary>
    private static int[]? FindColumns(CsvReader reader, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<ImportError> errors)
    {
        var header = reader.Headers;
        if (header.Count == 0)
        {
            errors.Add(new(1, $"the file is empty; the first line must be the header {string.Join(',', required)}"));
            return null;
        }

        var before = errors.Count;
        var names = required.Concat(optional).ToList();
        var indexes = new int[names.Count];
        for (var c = 0; c < names.Count; c++)
        {
            var name = names[c];
            var matches = header.Count(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            indexes[c] = -1;
            if (matches > 1)
            {
                errors.Add(new(1, $"column '{name}' appears {matches} times in the header"));
            }
            else if (matches == 1 && reader.TryGetFieldIndex(name, out var index))
            {
                indexes[c] = index;
            }
            else if (c < required.Count)
            {
                errors.Add(new(1, $"the header has no column '{name}'"));
            }
        }

        if (errors.Count > before && header.Count == 1 && header[0].Contains(';'))
        {
            errors.Add(new(1, "the header looks separated by ';'; save the file as comma-separated CSV (UTF-8)"));
        }

        return errors.Count > before ? null : indexes;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a double quote inside a value that is not in quotes; put the whole value in double quotes and double the quotes inside it",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing double quote of a value; put the whole value in double quotes and double the quotes inside it",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "a double quote opens a value but does not close it on this line",
        _ => "bad CSV quoting",
    };
}
