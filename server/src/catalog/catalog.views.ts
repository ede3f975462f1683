import type { Department, GuideView, Hall, MaterialTerms, ServiceMaterial } from '@gov/shared';
import { DepartmentEntity } from './entities/department.entity';
import { HallEntity } from './entities/hall.entity';
import { ServiceMaterialEntity } from './entities/service-material.entity';
import { ServiceEntity } from './entities/service.entity';

/** Entity → API shapes (API.md, Catalogue). */

export const departmentView = (d: DepartmentEntity): Department & { sortOrder: number } => ({ id: d.id, name: d.name, sortOrder: d.sortOrder });

export const hallView = (h: HallEntity): Hall & { sortOrder: number } => ({
  id: h.id,
  name: h.name,
  address: h.address,
  phone: h.phone,
  hours: h.hours,
  level: h.level,
  parentId: h.parentHallId ?? null,
  latitude: h.latitude,
  longitude: h.longitude,
  sortOrder: h.sortOrder,
});

export const templateUrl = (serviceId: string, materialId: string): string => `/api/services/${serviceId}/materials/${materialId}/template`;

/** A material's terms as every checklist shows them (a service's guide, a bundle's merged list), and nothing else of it. */
export const materialTerms = (m: MaterialTerms): MaterialTerms => ({
  name: m.name,
  required: m.required,
  tolerable: m.tolerable,
  copies: m.copies,
  form: m.form,
  note: m.note,
});

export const materialView = (m: ServiceMaterialEntity): ServiceMaterial => ({
  id: m.id,
  ...materialTerms(m),
  templateUrl: m.templateName ? templateUrl(m.serviceId, m.id) : null,
  certificateType: m.certificateType,
});

export type { GuideHall } from '@gov/shared';

export function guideView(
  s: ServiceEntity,
  department: DepartmentEntity | null,
  materials: ServiceMaterialEntity[],
  halls: HallEntity[],
): GuideView {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    subItem: s.subItem,
    scope: s.scope,
    acceptingBody: s.acceptingBody,
    decidingBody: s.decidingBody,
    conditions: s.conditions,
    materials: materials.map(materialView),
    process: s.process,
    legalDays: s.legalDays,
    promisedDays: s.promisedDays,
    fee: s.feeFree ? { free: true, amount: null, basis: s.feeBasis } : { free: false, amount: s.feeAmount, basis: s.feeBasis },
    delivery: s.delivery,
    consultPhone: s.consultPhone,
    complaintPhone: s.complaintPhone,
    halls: halls.map((h) => ({ id: h.id, name: h.name, address: h.address, hours: h.hours, phone: h.phone, latitude: h.latitude, longitude: h.longitude })),
    basis: s.basis,
    audience: s.audience,
    category: s.category,
    keyProject: s.keyProject,
    departmentId: s.departmentId,
    departmentName: department?.name ?? '',
    keywords: s.keywords,
    onlinePrereview: s.onlinePrereview,
    certificate: s.certificateType ? { type: s.certificateType, years: s.certificateYears } : null,
    instant: s.instant,
  };
}
