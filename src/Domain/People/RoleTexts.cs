using CollegeBot.Domain.Messaging;

namespace CollegeBot.Domain.People;

public static class RoleTexts
{
    public static Text Of(Roles role) => Text.Of("role." + RoleNames.NameOf(role));

    /// <summary>The roles as a localized list argument: "curator, teacher".</summary>
    public static Text WithRoles(this Text text, string name, Roles roles) =>
        text.WithList(name, RoleNames.Split(roles).Select(Of));
}
