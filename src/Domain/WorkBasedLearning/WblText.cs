using CollegeBot.Domain.Messaging;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>Pieces the work-based-learning messages share.</summary>
public static class WblText
{
    /// <summary>A nested text, or nothing at all when there is none.</summary>
    public static Text WithOptional(this Text text, string name, Text? value) => value is null ? text.With(name, "") : text.With(name, value);

    /// <summary>" · 6 h" after a date as <c>{hours}</c>, or nothing when no hours are known.</summary>
    public static Text WithHours(this Text text, int? hours) =>
        text.WithOptional("hours", hours is { } h ? Text.Of("diary.hours").With("hours", h) : null);

    /// <summary>"production practice", "dual education": the form and kind of a placement in the reader's language.</summary>
    public static Text FormOf(Placement placement) =>
        placement.Kind == WblKind.None
            ? Text.Of("wbl.form." + WblForms.NameOf(placement.Form))
            : Text.Of("wbl.form_kind").With("form", Text.Of("wbl.form." + WblForms.NameOf(placement.Form))).With("kind", Text.Of("wbl.kind." + WblForms.NameOf(placement.Kind)));
}
