// The few GOV.UK Frontend classes this app starts; the package ships JavaScript without type declarations.
declare module 'govuk-frontend' {
	class GovukComponent {
		constructor($root: Element);
	}
	export class ErrorSummary extends GovukComponent {}
	export class NotificationBanner extends GovukComponent {}
	export class ServiceNavigation extends GovukComponent {}
	export class SkipLink extends GovukComponent {}
}
