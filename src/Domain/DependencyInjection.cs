using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.People.Invites;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.Domain.WorkBasedLearning.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain;

public static class DependencyInjection
{
    /// <summary>The model, its rules and the database.</summary>
    public static IHostApplicationBuilder AddDomain(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CollegeOptions>().BindConfiguration(CollegeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((o, config) =>
                o.ConnectionString = config.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? DatabaseOptions.DefaultSqlite)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<AttendanceOptions>()
            .BindConfiguration(AttendanceOptions.SectionName)
            .PostConfigure(o => o.ApplyDefaults())
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<WorkBasedLearningOptions>()
            .BindConfiguration(WorkBasedLearningOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CollegeCalendar>();
        services.AddSingleton<CatchUpPolicy>();
        services.AddSingleton<QuietHoursHold>();

        services.AddDbContextPool<CollegeDb>((sp, options) => ConfigureDatabase(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddScoped<Outbox>();
        services.AddScoped<UnreachableNotice>();
        services.AddScoped<Conversations>();
        services.AddScoped<PeopleImporter>();
        services.AddScoped<InviteIssuer>();
        services.AddScoped<AccountLinker>();
        services.AddScoped<AttendanceAccess>();
        services.AddScoped<StudentFamily>();
        services.AddScoped<AbsenceRecorder>();
        services.AddScoped<CatchUpSignOff>();
        services.AddScoped<ExcuseDesk>();
        services.AddScoped<AttendanceOverview>();
        services.AddScoped<PlacementImporter>();
        services.AddScoped<VolunteeringRule>();
        services.AddScoped<Memoranda>();
        services.AddScoped<DiaryReview>();
        services.AddScoped<DiaryDesk>();
        services.AddScoped<FinalReviews>();
        services.AddScoped<WblOverview>();
        services.AddSingleton<Signals>();

        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        return builder;
    }

    private static void ConfigureDatabase(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(database.ConnectionString).AddInterceptors(new SqlitePragmas()),
            DatabaseProvider.Postgres => options.UseNpgsql(database.ConnectionString),
            _ => throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported."),
        };

        // The migrations are written by hand and have no model snapshot; MigrationsMatchModelTests guards drift.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
