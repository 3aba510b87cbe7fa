namespace WorkflowHost.ReportingChains.Calendar;

/// <summary>
/// The two astronomical quantities the Vietnamese lunisolar calendar is built from: the instant of each new moon and
/// the apparent longitude of the sun. Low-precision series from J. Meeus, "Astronomical Algorithms" (ch. 25 and 49);
/// their error (minutes) only matters when a new moon falls within minutes of local midnight.
/// </summary>
internal static class LunarAstronomy
{
    /// <summary>Mean length of a lunation in days.</summary>
    public const double SynodicMonth = 29.530588853;

    /// <summary>Julian date of new moon number 0 (1900-01-01 13:52 UT); lunation numbers count from it.</summary>
    public const double NewMoonZero = 2415021.076998695;

    private const double Degree = Math.PI / 180;

    /// <summary>Julian date (UT) of the k-th new moon after <see cref="NewMoonZero"/>.</summary>
    public static double NewMoon(int k)
    {
        double t = k / 1236.85; // Julian centuries since 1900.0, measured in lunations
        double t2 = t * t, t3 = t2 * t;

        double meanNewMoon = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                             + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * Degree);
        double sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * Degree;
        double moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * Degree;
        double moonLatitudeArgument = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * Degree;

        // Periodic terms: the true new moon differs from the mean one by up to ~14 hours.
        double correction =
              (0.1734 - 0.000393 * t) * Math.Sin(sunAnomaly)
            + 0.0021 * Math.Sin(2 * sunAnomaly)
            - 0.4068 * Math.Sin(moonAnomaly)
            + 0.0161 * Math.Sin(2 * moonAnomaly)
            - 0.0004 * Math.Sin(3 * moonAnomaly)
            + 0.0104 * Math.Sin(2 * moonLatitudeArgument)
            - 0.0051 * Math.Sin(sunAnomaly + moonAnomaly)
            - 0.0074 * Math.Sin(sunAnomaly - moonAnomaly)
            + 0.0004 * Math.Sin(2 * moonLatitudeArgument + sunAnomaly)
            - 0.0004 * Math.Sin(2 * moonLatitudeArgument - sunAnomaly)
            - 0.0006 * Math.Sin(2 * moonLatitudeArgument + moonAnomaly)
            + 0.0010 * Math.Sin(2 * moonLatitudeArgument - moonAnomaly)
            + 0.0005 * Math.Sin(2 * moonAnomaly + sunAnomaly);

        // The series yields dynamical time; ΔT (TT − UT) for 1800–2200 in days.
        double deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        return meanNewMoon + correction - deltaT;
    }

    /// <summary>Apparent geometric longitude of the sun, in radians in [0, 2π), at the given Julian date.</summary>
    public static double SunLongitude(double julianDate)
    {
        double t = (julianDate - 2451545.0) / 36525; // Julian centuries since J2000.0
        double t2 = t * t;
        double meanAnomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t2 * t) * Degree;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double equationOfCentre =
              (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
            + 0.000290 * Math.Sin(3 * meanAnomaly);
        double longitude = (meanLongitude + equationOfCentre) * Degree;
        return longitude - 2 * Math.PI * Math.Floor(longitude / (2 * Math.PI));
    }
}
