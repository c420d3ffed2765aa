/** Which categories and services the kiosk offers: only services marked for the kiosk. */
import type { Category, CategoryId, Centre, Service } from '@queue/core';

export const kioskServices = (centre: Centre, categoryId: CategoryId): Service[] =>
  centre.services.filter((service) => service.onKiosk && service.categoryId === categoryId);

export const kioskCategories = (centre: Centre): Category[] =>
  centre.categories.filter((category) => kioskServices(centre, category.id).length > 0);
